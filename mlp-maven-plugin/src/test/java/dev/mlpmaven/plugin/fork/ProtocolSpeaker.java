package dev.mlpmaven.plugin.fork;

/**
 * A tiny program that ForkLauncherTest forks: prints each argument but the first as a line on standard output
 * (arguments starting with "err:" go to standard error; "env:NAME" prints that variable as an INFO line), then exits with the first argument as exit code.
 */
public final class ProtocolSpeaker {
    public static void main(String[] args) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("env:")) {
                System.out.println("INFO " + args[i].substring(4) + "=" + System.getenv(args[i].substring(4)));
            } else if (args[i].startsWith("err:")) {
                System.err.println(args[i].substring(4));
            } else {
                System.out.println(args[i]);
            }
        }
        System.out.flush();
        System.exit(Integer.parseInt(args[0]));
    }
}
