package io.github.vbios.fuzz;

/**
 * Time per fuzz target when fuzzing (JAZZER_FUZZ=1, .ci/run runs one target per Maven call).
 * A plain test run (regression mode) ignores it and runs only the seeds in
 * {@code src/test/resources/io/github/vbios/fuzz/<Class>Inputs/<method>/}.
 */
final class FuzzBudget {
    static final String PER_TARGET = "20s";

    private FuzzBudget() {
    }
}
