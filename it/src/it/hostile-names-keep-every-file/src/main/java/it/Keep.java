package it;

/** A source file of the project: it must survive every build of this test. */
public final class Keep {
}
