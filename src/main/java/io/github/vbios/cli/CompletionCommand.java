package io.github.vbios.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vbios completion bash|zsh}: prints a shell completion script generated from the live
 * command tree (picocli's AutoComplete), so it can never disagree with the options of this build.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a bash or zsh completion script for vbios on stdout.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  source <(vbios completion bash)                      this bash session",
            "  vbios completion bash > ~/.local/share/bash-completion/completions/vbios",
            "  source <(vbios completion zsh)                       zsh, e.g. in ~/.zshrc (uses bashcompinit)",
        })
public final class CompletionCommand implements Callable<Integer> {
    /** The shells we can serve. */
    public enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
    Shell shell;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(script(shell, spec.root().commandLine()));
        out.flush();
        return ExitCodes.OK;
    }

    /** The completion script for {@code shell}; zsh runs the bash script through bashcompinit. */
    public static String script(Shell shell, CommandLine root) {
        String bash = AutoComplete.bash("vbios", root);
        if (shell == Shell.bash) {
            return bash;
        }
        // picocli's script calls bashcompinit itself when it sees $ZSH_VERSION; compinit must come first.
        return "# vbios completion for zsh: the bash completion script, run through bashcompinit.\n"
                + "# Use: source <(vbios completion zsh)\n"
                + "(( $+functions[compdef] )) || { autoload -U +X compinit && compinit }\n"
                + bash.replaceFirst("^#!/usr/bin/env bash\n", "");
    }
}
