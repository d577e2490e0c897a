package dev.crossbuild.jni;

import java.util.Map;
import java.util.TreeMap;

/** Java sources covering what {@code javac -h} does with native methods and constants. */
final class JavacSamples {

    private JavacSamples() {
    }

    static final String HELLO = """
            package dev.crossbuild.examples.hello;

            import java.io.IOException;
            import java.util.List;
            import java.util.Map;

            public class Hello {
                public static final int MAX = 10;
                public static final int MIN = Integer.MIN_VALUE;
                static final long BIG = Long.MAX_VALUE;
                static final long SMALL = Long.MIN_VALUE;
                private static final float RATIO = 1.5f;
                static final float TINY = Float.MIN_VALUE;
                static final float F_NAN = Float.NaN;
                static final float F_POS = Float.POSITIVE_INFINITY;
                static final float F_NEG = Float.NEGATIVE_INFINITY;
                static final float F_NEG_ZERO = -0.0f;
                static final double PI = Math.PI;
                static final double HUGE = 1e300;
                static final double D_NAN = Double.NaN;
                static final double D_POS = Double.POSITIVE_INFINITY;
                static final double D_NEG = Double.NEGATIVE_INFINITY;
                static final double D_SMALL = 1.0E-10;
                static final double D_TENTH = 0.1;
                static final char LETTER = 'A';
                static final char HIGH = '\\uffff';
                static final boolean YES = true;
                static final boolean NO = false;
                static final byte BYTE = -128;
                static final short SHORT = 32767;
                static final String NAME = "hello";
                static final int with_underscore = 3;
                static final int dollar$field = 4;
                static final int gr\\u00fc\\u00df = 5;
                final int instanceConstant = 5;
                static int notFinal = 6;
                static final Integer BOXED = 7;
                static final int COMPUTED = MAX * 2 + 1;

                public static native int add(int a, int b);
                public native String greet(String name);
                native void primitives(boolean z, byte b, char c, short s, int i, long j, float f, double d);
                native boolean z();
                native byte b();
                native char c();
                native short s();
                native long j();
                native float f();
                native double d();
                native boolean[] za(boolean[] a);
                native byte[] ba(byte[] a);
                native char[] ca(char[] a);
                native short[] sa(short[] a);
                native int[] ia(int[] a);
                native long[] ja(long[] a);
                native float[] fa(float[] a);
                native double[] da(double[] a);
                native String[] strings(String[] a);
                native int[][] matrix(int[][] m);
                native Object[][] objects(Object[][] o);
                static native Object object(Object o);
                static native Class<?> type(Class<?> c);
                static native Throwable failure(Throwable t);
                static native IOException io(IOException e);
                static native Error error(StackOverflowError e);
                static native HelloException custom(HelloException e);
                static native <T extends Exception> T rethrow(T t);
                static native <T> T generic(T t);
                native List<String> list(List<String> l);
                native void entry(Map.Entry<String, Integer> e);
                native Runnable runnable(Runnable r);
                native int sum(int[] values);
                native long sum(long[] values);
                native double sum(double a, double b);
                static native int sum(Inner i, String s, int[][] m, Map.Entry<?, ?> e, Inner.Deep[] d);
                native void single(int x);
                void single() {
                }
                native void with_underscore();
                native void dollar$sign();
                native void gr\\u00fc\\u00dfe();
                native void \\u0394elta(\\u0394elta d);
                native void deseret\\ud801\\udc00();
                native void __();
                private native void hidden();
                protected final synchronized native void modifiers();

                public static class Inner {
                    static final int Q = 1;

                    native int q();

                    public class Deep {
                        native void d(Inner i, Deep d);
                    }
                }

                public interface Callback {
                    int CONSTANT = 9;
                }

                void local() {
                    class Local {
                        native void l();

                        class InLocal {
                            native void il();
                        }
                    }
                    Runnable r = new Runnable() {
                        public native void run();
                    };
                }
            }

            class HelloException extends Exception {
            }

            class \\u0394elta extends Hello {
            }
            """;

    static Map<String, String> sources() {
        Map<String, String> sources = new TreeMap<>();
        sources.put("dev/crossbuild/examples/hello/Hello.java", HELLO);
        sources.put("Plain.java", """
                public class Plain {
                    static final int P = 1;

                    static native void run();
                }
                """);
        sources.put("dev/crossbuild/examples/hello/NoNatives.java", """
                package dev.crossbuild.examples.hello;

                public class NoNatives {
                    public static final int ONE = 1;

                    int one() {
                        return ONE;
                    }
                }
                """);
        sources.put("dev/crossbuild/examples/hello/Worker.java", """
                package dev.crossbuild.examples.hello;

                public class Worker extends Thread implements Hello.Callback {
                    native void work();
                }
                """);
        sources.put("dev/crossbuild/examples/hello/Base.java", """
                package dev.crossbuild.examples.hello;

                public class Base {
                    public static final int BASE = 1;
                    static final long SHADOWED = 2L;
                    private static final int SECRET = 3;
                }
                """);
        sources.put("dev/crossbuild/examples/hello/Derived.java", """
                package dev.crossbuild.examples.hello;

                public class Derived extends Middle {
                    static final long SHADOWED = 20L;
                    static final int OWN = 4;

                    native void derived();
                }

                class Middle extends Base {
                    static final int MIDDLE = 5;

                    native void middle();
                }
                """);
        sources.put("dev/crossbuild/examples/hello/Dollar$Name.java", """
                package dev.crossbuild.examples.hello;

                public class Dollar$Name {
                    static final int D = 1;

                    native Dollar$Name self(Dollar$Name other);
                }
                """);
        sources.put("dev/crossbuild/examples/hello/Unicode.java", """
                package dev.crossbuild.examples.hello;

                class \\u00dcn\\u00efcode {
                    native \\u00dcn\\u00efcode m(\\u00dcn\\u00efcode u, Hello.Inner i);
                    native void m(\\u00dcn\\u00efcode[] u);
                }
                """);
        sources.put("dev/crossbuild/examples/hello/Kind.java", """
                package dev.crossbuild.examples.hello;

                enum Kind {
                    A, B;

                    native int code();
                }
                """);
        return sources;
    }
}
