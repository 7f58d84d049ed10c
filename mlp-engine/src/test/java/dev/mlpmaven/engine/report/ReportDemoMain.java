package dev.mlpmaven.engine.report;

import java.nio.file.Path;

/** Writes the fixture report into the folder given as argument, for looking at it by hand. */
final class ReportDemoMain {
    public static void main(String[] args) throws Exception {
        ReportWriter.write(ReportFixtures.input("fashion-mnist", 1000), Path.of(args[0]));
    }
}
