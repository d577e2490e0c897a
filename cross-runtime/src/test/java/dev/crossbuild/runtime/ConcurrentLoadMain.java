package dev.crossbuild.runtime;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JVM {@link ConcurrentLoadTest} starts twice: {@code <class path root> <ready file> <go file> <threads>}.
 * Creates the ready file, waits for the go file, then has every thread call {@code NativeLoader.load("demo", loader)}
 * at once. Prints {@code pid <pid>} and {@code loaded <n>}; exits 0 when every thread's load returned.
 */
public final class ConcurrentLoadMain {

    private ConcurrentLoadMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Paths.get(args[0]);
        Path ready = Paths.get(args[1]);
        Path go = Paths.get(args[2]);
        int threads = Integer.parseInt(args[3]);
        final URLClassLoader loader = new URLClassLoader(new java.net.URL[] {root.toUri().toURL()}, null);
        final CountDownLatch start = new CountDownLatch(1);
        final CountDownLatch waiting = new CountDownLatch(threads);
        final AtomicInteger loaded = new AtomicInteger();
        List<Thread> workers = new ArrayList<Thread>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(new Runnable() {
                @Override
                public void run() {
                    try {
                        waiting.countDown();
                        start.await();
                        NativeLoader.load("demo", loader);
                        loaded.incrementAndGet();
                    } catch (Throwable e) {
                        e.printStackTrace(System.out);
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        waiting.await();
        Files.createFile(ready);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(go)) {
            if (System.nanoTime() > deadline) {
                System.out.println("no go file within 60 s");
                System.exit(2);
            }
            Thread.sleep(1);
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        String name = ManagementFactory.getRuntimeMXBean().getName();
        System.out.println("pid " + name.substring(0, name.indexOf('@')));
        System.out.println("loaded " + loaded.get());
        System.out.flush();
        System.exit(loaded.get() == threads ? 0 : 1);
    }

    /** The class path of this class and of NativeLoader, for the child JVM's {@code -cp}. */
    static String classPath() throws Exception {
        return Paths.get(ConcurrentLoadMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                + File.pathSeparator
                + Paths.get(NativeLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
