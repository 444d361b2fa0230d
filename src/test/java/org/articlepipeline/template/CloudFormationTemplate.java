package org.articlepipeline.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * {@code template.yaml} as plain maps and lists, with CloudFormation's short-form tags ({@code !Ref},
 * {@code !Sub}, {@code !GetAtt}, {@code !If}, ...) turned into their long forms ({@code {"Ref": ...}},
 * {@code {"Fn::Sub": ...}}), and a small evaluator that resolves values as a deployment with the
 * parameters' defaults would.
 */
final class CloudFormationTemplate {

    /** Short-form tags and the long-form keys they stand for. */
    private static final Map<String, String> SHORT_FORMS = Map.ofEntries(
            Map.entry("!Ref", "Ref"), Map.entry("!Condition", "Condition"),
            Map.entry("!Sub", "Fn::Sub"), Map.entry("!GetAtt", "Fn::GetAtt"), Map.entry("!If", "Fn::If"),
            Map.entry("!Equals", "Fn::Equals"), Map.entry("!Not", "Fn::Not"), Map.entry("!And", "Fn::And"),
            Map.entry("!Or", "Fn::Or"), Map.entry("!Join", "Fn::Join"), Map.entry("!Select", "Fn::Select"),
            Map.entry("!Split", "Fn::Split"), Map.entry("!FindInMap", "Fn::FindInMap"),
            Map.entry("!Base64", "Fn::Base64"), Map.entry("!Cidr", "Fn::Cidr"),
            Map.entry("!ImportValue", "Fn::ImportValue"), Map.entry("!GetAZs", "Fn::GetAZs"));

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    private final Map<String, Object> root;
    /** Parameter values that replace the defaults, as {@code sam deploy --parameter-overrides} would. */
    private final Map<String, String> overrides;

    private CloudFormationTemplate(Map<String, Object> root, Map<String, String> overrides) {
        this.root = root;
        this.overrides = overrides;
    }

    static CloudFormationTemplate load(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        Yaml yaml = new Yaml(new ShortFormConstructor(options));
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new CloudFormationTemplate(map(yaml.load(reader)), Map.of());
        }
    }

    /** The same template deployed with {@code values} for some parameters (the others keep their defaults). */
    CloudFormationTemplate withParameters(Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        all.putAll(values);
        return new CloudFormationTemplate(root, Map.copyOf(all));
    }

    /** True when the resource is created in this deployment: it has no condition, or its condition holds. */
    boolean isCreated(String logicalId) {
        Object condition = resource(logicalId).get("Condition");
        return condition == null || condition((String) condition);
    }

    /** True when the output is given in this deployment. */
    boolean hasOutput(String name) {
        Map<String, Object> output = map(map(root.getOrDefault("Outputs", Map.of())).get(name));
        return output != null && (output.get("Condition") == null || condition((String) output.get("Condition")));
    }

    Map<String, Object> root() {
        return root;
    }

    Map<String, Object> resources() {
        return map(root.get("Resources"));
    }

    Map<String, Object> resource(String logicalId) {
        Map<String, Object> resource = map(resources().get(logicalId));
        if (resource == null) {
            throw new AssertionError("template.yaml has no resource " + logicalId);
        }
        return resource;
    }

    /** Logical ids of the resources of one type, in template order. */
    List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, resource) -> {
            if (type.equals(map(resource).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    static Map<String, Object> properties(Map<String, Object> resource) {
        Map<String, Object> properties = map(resource.get("Properties"));
        return properties == null ? Map.of() : properties;
    }

    /** A function's properties with {@code Globals.Function} under them, as SAM merges them (maps merge). */
    Map<String, Object> functionProperties(String logicalId) {
        Map<String, Object> globals = map(map(root.getOrDefault("Globals", Map.of())).get("Function"));
        return mergeInto(globals == null ? Map.of() : globals, properties(resource(logicalId)));
    }

    private static Map<String, Object> mergeInto(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        override.forEach((key, value) -> {
            Object previous = merged.get(key);
            if (previous instanceof Map<?, ?> && value instanceof Map<?, ?> && !isIntrinsic(map(value))) {
                merged.put(key, mergeInto(map(previous), map(value)));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static boolean isIntrinsic(Map<String, Object> value) {
        return value.size() == 1 && value.keySet().stream().anyMatch(k -> k.equals("Ref") || k.startsWith("Fn::"));
    }

    /** The default of a parameter, as text. */
    String parameterDefault(String name) {
        Map<String, Object> parameter = map(map(root.get("Parameters")).get(name));
        if (parameter == null || !parameter.containsKey("Default")) {
            throw new AssertionError("parameter " + name + " has no default");
        }
        return String.valueOf(parameter.get("Default"));
    }

    /**
     * A value as deployed with the parameters' defaults (or the values {@link #withParameters} gave):
     * parameters and conditions resolved; references to
     * resources and pseudo parameters kept as {@code ${Name}} / {@code ${Name.Attribute}} placeholders.
     */
    Object resolve(Object value) {
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            for (Object item : list) {
                Object r = resolve(item);
                if (r != NO_VALUE) {
                    resolved.add(r);
                }
            }
            return resolved;
        }
        if (!(value instanceof Map<?, ?>)) {
            return value == null ? null : String.valueOf(value);
        }
        Map<String, Object> map = map(value);
        if (map.size() == 1) {
            Map.Entry<String, Object> only = map.entrySet().iterator().next();
            Object argument = only.getValue();
            switch (only.getKey()) {
                case "Ref":
                    return reference((String) argument);
                case "Fn::GetAtt":
                    return "${" + (argument instanceof List<?> l ? l.get(0) + "." + l.get(1) : argument) + "}";
                case "Fn::Sub":
                    return substitute(argument);
                case "Fn::If": {
                    List<?> branches = (List<?>) argument;
                    return resolve(condition((String) branches.get(0)) ? branches.get(1) : branches.get(2));
                }
                case "Fn::Join": {
                    List<?> parts = (List<?>) argument;
                    List<String> joined = new ArrayList<>();
                    for (Object part : (List<?>) resolve(parts.get(1))) {
                        joined.add(String.valueOf(part));
                    }
                    return String.join((String) parts.get(0), joined);
                }
                default:
                    break;
            }
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            Object r = resolve(v);
            if (r != NO_VALUE) {
                resolved.put(k, r);
            }
        });
        return resolved;
    }

    /** Marker for {@code AWS::NoValue}: the property is absent. */
    static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    private Object reference(String name) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        Map<String, Object> parameters = map(root.getOrDefault("Parameters", Map.of()));
        if (parameters.containsKey(name)) {
            String value = overrides.containsKey(name) ? overrides.get(name) : parameterDefault(name);
            return "CommaDelimitedList".equals(map(parameters.get(name)).get("Type"))
                    ? List.of(value.split(",", -1)) : value;
        }
        return "${" + name + "}";
    }

    private String substitute(Object argument) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?> list) {
            text = (String) list.get(0);
            variables = map(list.get(1));
        } else {
            text = (String) argument;
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = variables.containsKey(name) ? String.valueOf(resolve(variables.get(name)))
                    : name.contains(".") ? "${" + name + "}" : String.valueOf(reference(name));
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A condition's value with the parameters' defaults (or the values {@link #withParameters} gave). */
    boolean condition(String name) {
        return evaluate(map(root.get("Conditions")).get(name));
    }

    private boolean evaluate(Object expression) {
        Map<String, Object> map = map(expression);
        Map.Entry<String, Object> only = map.entrySet().iterator().next();
        List<?> args = only.getValue() instanceof List<?> l ? l : List.of(only.getValue());
        return switch (only.getKey()) {
            case "Fn::Equals" -> String.valueOf(resolve(args.get(0))).equals(String.valueOf(resolve(args.get(1))));
            case "Fn::Not" -> !evaluate(args.get(0));
            case "Fn::And" -> args.stream().allMatch(this::evaluate);
            case "Fn::Or" -> args.stream().anyMatch(this::evaluate);
            case "Condition" -> condition((String) args.get(0));
            default -> throw new AssertionError("cannot evaluate condition " + expression);
        };
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> ? (List<Object>) value : List.of(value);
    }

    /** Builds {@code {"Fn::X": value}} for each short-form tag, whatever node kind it is attached to. */
    private static final class ShortFormConstructor extends SafeConstructor {

        ShortFormConstructor(LoaderOptions options) {
            super(options);
            SHORT_FORMS.forEach((tag, key) -> yamlConstructors.put(new Tag(tag), new LongForm(key)));
        }

        private final class LongForm extends AbstractConstruct {
            private final String key;

            LongForm(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                    if (key.equals("Fn::GetAtt")) {
                        String text = (String) value;
                        int dot = text.indexOf('.');
                        value = List.of(text.substring(0, dot), text.substring(dot + 1));
                    }
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(key, value);
            }
        }
    }
}
