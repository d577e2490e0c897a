package dev.crossbuild.nativebuild;

import java.util.List;

/**
 * The outputs of a link, in link order, and how many were linked now ({@code linked}) or were already up to date
 * ({@code upToDate}); {@code linked + upToDate == outputs.size()}.
 */
public record LinkResult(List<LinkedOutput> outputs, int linked, int upToDate) {

    public LinkResult {
        outputs = List.copyOf(outputs);
    }
}
