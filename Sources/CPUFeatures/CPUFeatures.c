#include "CPUFeatures.h"

int quizc_cpu_has_avx2_fma(void) {
#if defined(__x86_64__) || defined(__i386__)
    // The compiler runtime checks CPUID and, through XGETBV, that the OS saves the YMM registers.
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
    return 0;
#endif
}
