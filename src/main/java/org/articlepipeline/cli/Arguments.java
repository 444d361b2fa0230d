package org.articlepipeline.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments: {@code --name value} options from a known set, and the rest as operands.
 */
final class Arguments {

    private final Map<String, String> options;
    private final List<String> operands;

    private Arguments(Map<String, String> options, List<String> operands) {
        this.options = options;
        this.operands = operands;
    }

    /** Parses {@code args}; an unknown option or one without a value is a {@link UsageException}. */
    static Arguments parse(List<String> args, Set<String> known) {
        return parse(args, known, Set.of());
    }

    /**
     * As {@link #parse(List, Set)}, with {@code flags}: options that take no value ({@link #has} tells
     * whether they were given).
     */
    static Arguments parse(List<String> args, Set<String> known, Set<String> flags) {
        Map<String, String> options = new HashMap<>();
        List<String> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                String name = arg;
                String value = null;
                int equals = arg.indexOf('=');
                if (equals > 0) {
                    name = arg.substring(0, equals);
                    value = arg.substring(equals + 1);
                }
                if (flags.contains(name)) {
                    if (value != null) {
                        throw new UsageException("option " + name + " takes no value");
                    }
                    options.put(name, "");
                    continue;
                }
                if (!known.contains(name)) {
                    throw new UsageException("unknown option " + name);
                }
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("option " + name + " needs a value");
                    }
                    value = args.get(++i);
                }
                options.put(name, value);
            } else {
                operands.add(arg);
            }
        }
        return new Arguments(options, operands);
    }

    String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    int port(String name, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // same message as out of range
        }
        throw new UsageException(name + " must be a port number from 0 to 65535, not '" + value + "'");
    }

    List<String> operands() {
        return operands;
    }

    /** A mistake in how a command was called: printed as one line, exit code 2. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message, null, false, false);
        }
    }
}
