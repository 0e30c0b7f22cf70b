package io.github.vbios.cli;

import picocli.CommandLine.Option;

/**
 * {@code --json}, declared and worded once for every command that has it (a picocli mixin).
 * {@link OutputOptions} adds {@code -o} and {@code --force} for the commands that write.
 */
class JsonOption {
    @Option(names = "--json", description = "print one JSON document (schema 1) on stdout instead of text")
    boolean json;
}
