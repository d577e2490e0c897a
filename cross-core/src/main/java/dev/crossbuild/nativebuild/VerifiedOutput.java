package dev.crossbuild.nativebuild;

import java.util.Map;

/** What verification found in one output: the facts for outputs.json and the one-line summary for the log. */
record VerifiedOutput(Map<String, Object> facts, String summary, boolean stripped) {
}
