#ifndef QUIZC_CPU_FEATURES_H
#define QUIZC_CPU_FEATURES_H

/// 1 when the CPU and the OS support AVX2 and FMA (x86-64 only), else 0.
int quizc_cpu_has_avx2_fma(void);

/// Hints that `address` will soon be written (a no-op where the CPU has no prefetch instruction).
static inline void quizc_prefetch_for_write(const void *address) {
    __builtin_prefetch(address, 1, 3);
}

#endif
