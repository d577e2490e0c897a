// Compiles only as cpp_eh = 'none' and cpp_rtti = false have it: gcc defines these macros when exceptions and RTTI
// are on.
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
#error "cpp_eh = 'none' should compile without exceptions (-fno-exceptions)"
#endif
#if defined(__cpp_rtti) || defined(__GXX_RTTI)
#error "cpp_rtti = false should compile without RTTI (-fno-rtti)"
#endif

namespace {
struct Counter {
    int value = 0;
    int next() { return ++value; }
};
Counter counter;
}

extern "C" int counter_next(void) { return counter.next(); }
