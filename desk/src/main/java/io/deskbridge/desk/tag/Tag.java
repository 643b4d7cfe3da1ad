package io.deskbridge.desk.tag;

/** A tag and how many live tickets carry it ({@code TagListTagObject}). */
public record Tag(String name, long count) {}
