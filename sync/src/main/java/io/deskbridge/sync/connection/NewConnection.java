package io.deskbridge.sync.connection;

/** What an operator gives to create a connection: a name and an address in any form {@code address} accepts. */
public record NewConnection(String name, String address) {}
