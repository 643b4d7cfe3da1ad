package io.deskbridge.sync.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that calls sync: the client options, the context, and the writers. */
abstract class CliCommand implements Callable<Integer> {

    @Mixin
    ClientOptions client;

    @Spec
    CommandSpec spec;

    CliContext context() {
        return ((RootCommand) spec.root().userObject()).context();
    }

    PrintWriter out() {
        return context().out();
    }

    PrintWriter err() {
        return context().err();
    }

    SyncApi api() {
        return client.api(context());
    }

    boolean json() {
        return client.json;
    }
}
