package dev.crossbuild.crossfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merges the files of one role at the raw level and evaluates the result, in Meson's order: every file is read
 * (so any syntax error of any file comes first), keys are merged (a later file wins, the key keeps its first
 * position), then {@code [constants]} is evaluated top to bottom, then every other section top to bottom with
 * the builtins, all constants and the keys above it in the same section in scope.
 */
final class MachineFileReader {

    static final String CONSTANTS = "constants";

    private final Map<String, RawSection> merged;
    private final MachineFileContext context;
    private final ValueEvaluator.Budget budget = new ValueEvaluator.Budget();

    private MachineFileReader(Map<String, RawSection> merged, MachineFileContext context) {
        this.merged = merged;
        this.context = context;
    }

    static MachineFile read(List<MachineFileSource> sources, MachineFileContext context) throws CrossFileException {
        if (sources.isEmpty()) {
            return MachineFile.empty();
        }
        Map<String, RawSection> merged = new LinkedHashMap<>();
        for (MachineFileSource source : sources) {
            for (RawSection section : IniReader.read(source, context)) {
                RawSection target = merged.computeIfAbsent(section.name,
                        name -> new RawSection(name, section.file, section.line));
                target.values.putAll(section.values); // LinkedHashMap: a replaced key keeps its first position
            }
        }
        return new MachineFile(sources, new MachineFileReader(merged, context).evaluate());
    }

    private List<Section> evaluate() throws CrossFileException {
        Map<String, Value> constants = new HashMap<>();
        constants.put("True", new Value.Bool(true));
        constants.put("False", new Value.Bool(false));
        context.home().ifPresent(home -> constants.put("~", new Value.Str(home.toString())));

        Map<String, Section> evaluated = new HashMap<>();
        RawSection constantsSection = merged.get(CONSTANTS);
        if (constantsSection != null) {
            Section section = evaluate(constantsSection, constants);
            section.entries().forEach(entry -> constants.put(entry.key(), entry.value()));
            evaluated.put(CONSTANTS, section);
        }
        List<Section> result = new ArrayList<>();
        for (RawSection raw : merged.values()) {
            Section section = raw.name.equals(CONSTANTS) ? evaluated.get(CONSTANTS) : evaluate(raw, constants);
            result.add(section);
        }
        return result;
    }

    private Section evaluate(RawSection raw, Map<String, Value> constants) throws CrossFileException {
        Map<String, Value> scope = new HashMap<>(constants);
        List<Entry> entries = new ArrayList<>();
        for (RawValue value : raw.values.values()) {
            ValueErrors errors = new ValueErrors(value);
            ValueExpression expression = ValueParser.parse(value, errors);
            Value result = ValueEvaluator.evaluate(expression, scope, name -> undefinedHint(name, value), errors,
                    budget);
            scope.put(value.key(), result);
            entries.add(new Entry(raw.name, value.key(), result, value.file(), value.keyLine()));
        }
        return new Section(raw.name, raw.file, raw.line, entries);
    }

    private static String laterDefinition(String name, RawValue current, RawValue later, RawSection section) {
        if (later.file().equals(current.file())) {
            return "'" + name + "' is set only later in [" + section.name + "] (line " + later.keyLine() + "), and"
                    + " a name must be defined above its use: move it up"
                    + (section.name.equals(CONSTANTS) ? "" : " (or into [constants])");
        }
        return "'" + name + "' is set in " + later.file() + ":" + later.keyLine() + ", but layered files are merged"
                + " before evaluation and [" + section.name + "] is evaluated in order of first appearance, where '"
                + name + "' comes after '" + current.key() + "': give the file that sets '" + name + "' first";
    }

    /** The remedy part of "Undefined constant": why the name is not visible here and what to do. */
    private String undefinedHint(String name, RawValue current) {
        if (name.equals("~")) {
            return "~ stands for the home directory, which is not known here; write the path out";
        }
        RawSection section = merged.get(current.section());
        boolean seenCurrent = false;
        for (RawValue other : section.values.values()) {
            if (other.key().equals(current.key())) {
                seenCurrent = true;
            } else if (seenCurrent && other.key().equals(name)) {
                return laterDefinition(name, current, other, section);
            }
        }
        Optional<RawSection> owner = merged.values().stream()
                .filter(s -> !s.name.equals(current.section()) && s.values.containsKey(name))
                .findFirst();
        if (owner.isPresent()) {
            return "'" + name + "' is a key of [" + owner.get().name + "], and keys of other sections are not"
                    + " visible; to share a value, define it in [constants]";
        }
        if (name.equalsIgnoreCase("true") || name.equalsIgnoreCase("false")) {
            return "booleans are written true or false";
        }
        return "names must be defined earlier in [constants] or in the same section; if you meant the text, quote"
                + " it: '" + name + "'";
    }
}
