package org.articlepipeline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The CPU time one thread spends per corpus in each of {@link HtmlExtractionBenchmark}'s operations, for
 * figures "per core" on a machine other processes share: JMH's wall-clock times grow with the machine's load,
 * a thread's CPU time much less. Run by {@code bench/html.sh} after JMH:
 * {@code java ... org.articlepipeline.bench.HtmlCpuTime [warm-up seconds] [timed rounds]}.
 */
public final class HtmlCpuTime {

    private HtmlCpuTime() {
    }

    public static void main(String[] args) {
        int warmupSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Blackhole sink = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String corpus : new String[] {"html", "zyte"}) {
            HtmlExtractionBenchmark bench = new HtmlExtractionBenchmark();
            bench.corpus = corpus;
            bench.load();
            for (String op : new String[] {"parse", "extract", "normalize"}) {
                long until = System.nanoTime() + warmupSeconds * 1_000_000_000L;
                while (System.nanoTime() < until) {
                    run(bench, op, sink);
                }
                long cpu = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < rounds; i++) {
                    run(bench, op, sink);
                }
                double ms = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / rounds;
                System.out.printf(Locale.ROOT, "cpu %s %s %.1f ms/corpus %d pages %d bytes%n",
                        corpus, op, ms, bench.pageCount(), bench.byteCount());
            }
        }
    }

    private static void run(HtmlExtractionBenchmark bench, String op, Blackhole sink) {
        switch (op) {
            case "parse" -> bench.parse(sink);
            case "extract" -> bench.extract(sink);
            default -> bench.normalize(sink);
        }
    }
}
