package dev.crossbuild.cli;

import java.util.ArrayList;
import java.util.List;

/** The parsed arguments: one command and its repeatable file options. */
record CommandLine(String command, List<String> crossFiles, List<String> nativeFiles) {

    static CommandLine parse(List<String> args) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("no command given");
        }
        String command = args.get(0);
        if (command.equals("--help") || command.equals("-h")) {
            command = "help";
        }
        List<String> crossFiles = new ArrayList<>();
        List<String> nativeFiles = new ArrayList<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> command = "help";
                case "--cross-file" -> crossFiles.add(operand(args, ++i, arg));
                case "--native-file" -> nativeFiles.add(operand(args, ++i, arg));
                default -> {
                    if (arg.startsWith("--cross-file=")) {
                        crossFiles.add(arg.substring("--cross-file=".length()));
                    } else if (arg.startsWith("--native-file=")) {
                        nativeFiles.add(arg.substring("--native-file=".length()));
                    } else {
                        throw new UsageException("unknown option '" + arg + "'");
                    }
                }
            }
        }
        return new CommandLine(command, List.copyOf(crossFiles), List.copyOf(nativeFiles));
    }

    private static String operand(List<String> args, int index, String option) throws UsageException {
        if (index >= args.size() || args.get(index).isEmpty()) {
            throw new UsageException(option + " needs a file name");
        }
        return args.get(index);
    }
}
