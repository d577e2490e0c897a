package dev.crossbuild.runtime;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The class loader of the code that called {@link NativeLoader}: on Java 9+ from {@code StackWalker} (reached
 * through method handles, as this class compiles against Java 8), on Java 8 from a {@code SecurityManager}'s class
 * context (the instance is only created, never installed).
 */
final class CallerClassLoader {

    /** Frames of these classes are the loader itself, not its caller. */
    private static final Set<String> OWN_CLASSES = new HashSet<String>(Arrays.asList(
            NativeLoader.class.getName(), CallerClassLoader.class.getName(), ClassContext.class.getName()));

    /** {@code StackWalker.getInstance(RETAIN_CLASS_REFERENCE)} and {@code StackFrame.getDeclaringClass}, or null. */
    private static final Object WALKER;
    private static final MethodHandle WALK;
    private static final MethodHandle DECLARING_CLASS;

    static {
        Object walker = null;
        MethodHandle walk = null;
        MethodHandle declaringClass = null;
        try {
            Class<?> walkerClass = Class.forName("java.lang.StackWalker");
            Class<?> option = Class.forName("java.lang.StackWalker$Option");
            Class<?> frame = Class.forName("java.lang.StackWalker$StackFrame");
            // Not publicLookup(): walk is caller-sensitive, which a restricted lookup may not reach.
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            Object retain = option.getField("RETAIN_CLASS_REFERENCE").get(null);
            walker = lookup.findStatic(walkerClass, "getInstance", MethodType.methodType(walkerClass, option))
                    .invoke(retain);
            walk = lookup.findVirtual(walkerClass, "walk", MethodType.methodType(Object.class, Function.class));
            declaringClass = lookup.findVirtual(frame, "getDeclaringClass", MethodType.methodType(Class.class));
        } catch (Throwable java8) {
            walker = null;
        }
        WALKER = walker;
        WALK = walk;
        DECLARING_CLASS = declaringClass;
    }

    private CallerClassLoader() {
    }

    /** The caller's class loader, else the thread's context class loader, else NativeLoader's own, never null. */
    static ClassLoader find() {
        Class<?> caller = WALKER != null ? fromStackWalker() : fromClassContext();
        ClassLoader loader = caller != null ? caller.getClassLoader() : null;
        if (loader == null) {
            loader = Thread.currentThread().getContextClassLoader();
        }
        if (loader == null) {
            loader = NativeLoader.class.getClassLoader();
        }
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }

    /** The first class on the stack that is not part of the loader, through {@code StackWalker}; null on failure. */
    static Class<?> fromStackWalker() {
        if (WALKER == null) {
            return null;
        }
        Function<Stream<Object>, Class<?>> firstForeign = frames -> {
            for (Object frame : (Iterable<Object>) frames::iterator) {
                Class<?> declaring = declaringClass(frame);
                if (!isOwn(declaring)) {
                    return declaring;
                }
            }
            return null;
        };
        try {
            return (Class<?>) WALK.invoke(WALKER, firstForeign);
        } catch (Throwable e) {
            return null;
        }
    }

    private static Class<?> declaringClass(Object frame) {
        try {
            return (Class<?>) DECLARING_CLASS.invoke(frame);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first class on the stack that is not part of the loader, from a class context; null on failure. */
    static Class<?> fromClassContext() {
        try {
            for (Class<?> type : new ClassContext().classes()) {
                if (!isOwn(type)) {
                    return type;
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // A JDK without SecurityManager: the thread's context loader is used instead.
        }
        return null;
    }

    private static boolean isOwn(Class<?> type) {
        // Nested classes count as their outer class.
        String name = type.getName();
        int nested = name.indexOf('$');
        return OWN_CLASSES.contains(nested < 0 ? name : name.substring(0, nested));
    }

    /** Exposes {@code getClassContext()}; Java 8 has no StackWalker. */
    private static final class ClassContext extends SecurityManager {
        Class<?>[] classes() {
            return getClassContext();
        }
    }
}
