package dev.crossbuild.toolchain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing the doctor checked. {@code id} is stable ({@code compiler.c}, {@code crt-objects}, {@code tool.strip});
 * {@code subject} names the piece for people ({@code C compiler}); {@code detail} says what was found or what is
 * wrong; {@code remedy} is the exact command or cross-file change that fixes it; {@code blocking} means the build
 * cannot work; {@code causedBy} is the id of the root finding when this one only follows from it (then it carries no
 * remedy of its own: fixing the root fixes it).
 */
public record Finding(String id, Status status, String subject, String detail, Optional<String> remedy,
        boolean blocking, Optional<String> causedBy) {

    public enum Status { OK, WARNING, MISSING, ERROR }

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(remedy, "remedy");
        Objects.requireNonNull(causedBy, "causedBy");
        if (status == Status.OK && blocking) {
            throw new IllegalArgumentException("an OK finding cannot block: " + id);
        }
    }

    public static Finding ok(String id, String subject, String detail) {
        return new Finding(id, Status.OK, subject, detail, Optional.empty(), false, Optional.empty());
    }

    public static Finding warning(String id, String subject, String detail, Optional<String> remedy) {
        return new Finding(id, Status.WARNING, subject, detail, remedy, false, Optional.empty());
    }

    /** A required piece that is not there; blocks the build. */
    public static Finding missing(String id, String subject, String detail, Optional<String> remedy) {
        return new Finding(id, Status.MISSING, subject, detail, remedy, true, Optional.empty());
    }

    /** A piece that is there but wrong; blocks the build. */
    public static Finding error(String id, String subject, String detail, Optional<String> remedy) {
        return new Finding(id, Status.ERROR, subject, detail, remedy, true, Optional.empty());
    }

    /** This finding, not blocking the build (a piece only some builds need). */
    public Finding notBlocking() {
        return new Finding(id, status, subject, detail, remedy, false, causedBy);
    }

    /** This finding, blocking the build unless it is OK. */
    public Finding blockingUnlessOk() {
        return new Finding(id, status, subject, detail, remedy, status != Status.OK, causedBy);
    }

    /** This finding as a consequence of {@code root}: same status, no remedy of its own. */
    public Finding causedBy(Finding root) {
        return new Finding(id, status, subject, detail, Optional.empty(), blocking, Optional.of(root.id()));
    }

    public Finding withRemedy(String newRemedy) {
        return new Finding(id, status, subject, detail, Optional.of(newRemedy), blocking, causedBy);
    }

    public boolean isOk() {
        return status == Status.OK;
    }

    /** A problem that does not follow from another finding. */
    public boolean isRootProblem() {
        return status != Status.OK && causedBy.isEmpty();
    }

    /** {@code id, status, subject, detail, remedy, blocking, caused_by}; absent values are null. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("status", status.name());
        json.put("subject", subject);
        json.put("detail", detail);
        json.put("remedy", remedy);
        json.put("blocking", blocking);
        json.put("caused_by", causedBy);
        return json;
    }
}
