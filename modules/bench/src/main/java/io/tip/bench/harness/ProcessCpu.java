package io.tip.bench.harness;

import java.lang.management.ManagementFactory;

/** CPU time of every thread of this process (the applications, the in-process broker, GC, JIT). */
final class ProcessCpu {
    private ProcessCpu() {
    }

    static long nanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
