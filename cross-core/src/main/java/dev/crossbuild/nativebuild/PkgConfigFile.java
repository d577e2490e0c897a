package dev.crossbuild.nativebuild;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code .pc} file of one library in a development artifact ({@code lib/pkgconfig/<name>.pc}), relocatable: its
 * {@code prefix} is {@code ${pcfiledir}/../..}, the artifact's top, wherever it is unpacked.
 *
 * <ul>
 *   <li>{@code Name} the library's, {@code Version} the module's version, {@code Description} the coordinates and
 *       classifier;</li>
 *   <li>{@code Requires}: the library's own pkg-config {@code <dependencies>} (a consumer needs them found too);</li>
 *   <li>{@code Libs}: {@code -L${libdir} -l<name>}, or {@code ${libdir}/<file>} when the linker would not find the
 *       file by that name ({@code <namePrefix>}, {@code <nameSuffix>}). Of a library that is both shared and static,
 *       {@code -l<name>} links the shared one, as the linker prefers it;</li>
 *   <li>{@code Libs.private}, for a static library (also the static half of both libraries): the module's libraries
 *       it links (they are in the same {@code lib/}), needed only by a static link ({@code pkg-config --static});</li>
 *   <li>{@code Cflags}: {@code -I${includedir}} when the artifact has headers.</li>
 * </ul>
 */
final class PkgConfigFile {

    private PkgConfigFile() {
    }

    /**
     * @param outputs the library's outputs (one, or the shared and the static one of both libraries)
     * @param libraries every library of the module by name, to name those a static library links
     */
    static String text(String name, DevArtifact.Request request, List<LinkedOutput> outputs,
                       Map<String, List<LinkedOutput>> libraries, boolean headers) {
        NativeTarget linked = linked(outputs);
        StringBuilder text = new StringBuilder();
        text.append("# Written by cross (dev.crossbuild) for ").append(request.coordinates()).append(", classifier ")
                .append(request.classifier()).append(".\n");
        text.append("# prefix is the top of the unpacked artifact, wherever it is.\n");
        text.append("prefix=${pcfiledir}/../..\n");
        text.append("libdir=${prefix}/lib\n");
        if (headers) {
            text.append("includedir=${prefix}/include\n");
        }
        text.append('\n');
        text.append("Name: ").append(name).append('\n');
        text.append("Description: ").append(name).append(" of ").append(request.coordinates()).append(" for ")
                .append(request.classifier()).append('\n');
        text.append("Version: ").append(escape(request.version())).append('\n');
        Set<String> requires = new LinkedHashSet<>();
        outputs.forEach(output -> requires.addAll(output.target().dependencies()));
        if (!requires.isEmpty()) {
            text.append("Requires: ").append(String.join(", ", requires)).append('\n');
        }
        text.append("Libs: ").append(link(request, linked)).append('\n');
        if (outputs.stream().anyMatch(o -> o.target().kind() == TargetKind.STATIC_LIBRARY)) {
            List<String> own = new ArrayList<>();
            for (String library : linked.libraries()) {
                Optional<NativeTarget> other = Optional.ofNullable(libraries.get(library)).map(PkgConfigFile::linked);
                other.ifPresent(target -> own.add(link(request, target)));
            }
            if (!own.isEmpty()) {
                text.append("Libs.private: ").append(String.join(" ", own)).append('\n');
            }
        }
        if (headers) {
            text.append("Cflags: -I${includedir}\n");
        }
        return text.toString();
    }

    /** What a link against the library reads: the shared library of both libraries, else the one output. */
    private static NativeTarget linked(List<LinkedOutput> outputs) {
        return outputs.stream().map(LinkedOutput::target).filter(t -> t.kind() == TargetKind.SHARED_LIBRARY)
                .findFirst().orElse(outputs.get(0).target());
    }

    private static String link(DevArtifact.Request request, NativeTarget library) {
        BuildLayout layout = request.layout();
        if (OutputNames.foundByName(layout, request.host(), library)) {
            return "-L${libdir} -l" + library.name();
        }
        Path file = OutputNames.linkedPath(layout, request.host(), library);
        String relative = layout.root().relativize(file).toString().replace('\\', '/');
        return "${prefix}/" + relative;
    }

    /** pkg-config reads {@code $$} as a dollar sign. */
    private static String escape(String value) {
        return value.replace("$", "$$");
    }
}
