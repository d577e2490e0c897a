package dev.crossbuild.setup;

import dev.crossbuild.crossfile.CrossFileException;
import dev.crossbuild.crossfile.Entry;
import dev.crossbuild.crossfile.MachineFile;
import dev.crossbuild.crossfile.MachineFileContext;
import dev.crossbuild.crossfile.MachineFileSource;
import dev.crossbuild.crossfile.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine files of one role in layered order, each with the keys whose winning value it wrote, for
 * {@code setup.json} (the site report shows which file set what). The merged result alone cannot say that, so the
 * files are merged again here; merging is deterministic and cheap, and the files already merged once without error.
 */
final class MachineFileLayers {

    private MachineFileLayers() {
    }

    /** {@code [{"name": ..., "path": ..., "entries": [{"section", "key", "value", "line"}]}]}, one per file. */
    static List<Map<String, Object>> of(List<MachineFileSource> sources, MachineFileContext context)
            throws CrossFileException {
        if (sources.isEmpty()) {
            return List.of();
        }
        MachineFile merged = MachineFile.parse(sources, context);
        List<Map<String, Object>> layers = new ArrayList<>();
        for (MachineFileSource source : sources) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (Section section : merged.sections()) {
                for (Entry entry : section.entries()) {
                    if (entry.file().equals(source.name())) {
                        entries.add(entry(entry));
                    }
                }
            }
            Map<String, Object> layer = new LinkedHashMap<>();
            layer.put("name", source.name());
            layer.put("path", source.path().map(Object::toString).orElse(null));
            layer.put("entries", entries);
            layers.add(layer);
        }
        return layers;
    }

    private static Map<String, Object> entry(Entry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("section", entry.section());
        json.put("key", entry.key());
        json.put("value", Introspection.value(entry.value()));
        json.put("line", entry.line());
        return json;
    }
}
