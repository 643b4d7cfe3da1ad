package io.deskbridge.desk.businesshours;

/** Open from {@code startTime} to {@code endTime}, minutes from Sunday 00:00 of the week. */
public record Interval(int startTime, int endTime) {}
