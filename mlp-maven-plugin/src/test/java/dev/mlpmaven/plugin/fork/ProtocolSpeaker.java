package dev.mlpmaven.plugin.fork;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A tiny program that ForkLauncherTest forks: prints each argument but the first as a line on standard output,
 * then exits with the first argument as exit code. Arguments with a meaning:
 * <ul>
 *   <li>{@code err:TEXT} goes to standard error; {@code env:NAME} prints that variable as an INFO line;</li>
 *   <li>{@code sleep:MILLIS} sleeps;</li>
 *   <li>{@code watch-stdin} reads commands from standard input from now on: STOP prints "INFO stop received" and
 *       exits with 3; {@code ignore-stop} reads them but ignores STOP;</li>
 *   <li>{@code bye} prints "BYE &lt;exit code&gt;" and waits for the ACK line, then prints "INFO acked".</li>
 * </ul>
 */
public final class ProtocolSpeaker {
    public static void main(String[] args) throws Exception {
        int code = Integer.parseInt(args[0]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("env:")) {
                System.out.println("INFO " + a.substring(4) + "=" + System.getenv(a.substring(4)));
            } else if (a.startsWith("err:")) {
                System.err.println(a.substring(4));
            } else if (a.startsWith("sleep:")) {
                Thread.sleep(Long.parseLong(a.substring(6)));
            } else if (a.equals("watch-stdin") || a.equals("ignore-stop")) {
                boolean obey = a.equals("watch-stdin");
                Thread t = new Thread(() -> {
                    try {
                        for (String line; (line = in.readLine()) != null; ) {
                            if (obey && line.equals("STOP")) {
                                System.out.println("INFO stop received");
                                System.out.flush();
                                System.exit(3);
                            }
                        }
                    } catch (Exception ignored) {
                        // end
                    }
                });
                t.setDaemon(true);
                t.start();
            } else if (a.equals("bye")) {
                System.out.println("BYE " + code);
                System.out.flush();
                if ("ACK".equals(in.readLine())) {
                    System.out.println("INFO acked");
                }
            } else {
                System.out.println(a);
            }
        }
        System.out.flush();
        System.exit(code);
    }
}
