package io.deskbridge.sync.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Runs CLI command lines in this JVM with captured writers, a given environment and no terminal. */
final class CliRunner {

    private final Map<String, String> env;
    private final CliContext.PasswordPrompt prompt;

    private CliRunner(Map<String, String> env, CliContext.PasswordPrompt prompt) {
        this.env = env;
        this.prompt = prompt;
    }

    static CliRunner against(String url, String email, String password) {
        Map<String, String> env = new HashMap<>();
        env.put("SYNC_URL", url);
        env.put("SYNC_OPERATOR_EMAIL", email);
        if (password != null) {
            env.put("SYNC_OPERATOR_PASSWORD", password);
        }
        return new CliRunner(env, CliContext.PasswordPrompt.NONE);
    }

    CliRunner withPrompt(CliContext.PasswordPrompt prompt) {
        return new CliRunner(env, prompt);
    }

    CliRunner withEnv(String name, String value) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put(name, value);
        return new CliRunner(copy, prompt);
    }

    CliRunner withoutEnv(String name) {
        Map<String, String> copy = new HashMap<>(env);
        copy.remove(name);
        return new CliRunner(copy, prompt);
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(
                new PrintWriter(out, true), new PrintWriter(err, true), env, prompt, false, Duration.ofMillis(20));
        int exit = SyncCli.run(args, context);
        return new Result(exit, out.toString(), err.toString());
    }

    record Result(int exit, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exit + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }
}
