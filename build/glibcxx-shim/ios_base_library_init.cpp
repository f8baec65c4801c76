// Stand-in for the one GLIBCXX_3.4.32 symbol that TorchSharp's libLibTorchSharp.so asks for.
//
// GCC 13 moved the construction of std::cout & co. into libstdc++ itself: instead of a static
// std::ios_base::Init in every translation unit that includes <iostream>, the header now only
// references std::ios_base_library_init() (a symbol of version GLIBCXX_3.4.32) so that a
// libstdc++ new enough to do the initialisation gets linked. Debian 12's libstdc++ (GCC 12) stops
// at GLIBCXX_3.4.30 and has no such symbol, so the loader refuses libLibTorchSharp.so.
//
// This library defines that symbol at that version (see glibcxx-3.4.32.map) and does what the
// old headers did: it constructs one std::ios_base::Init, which sets up the standard streams
// (reference counted, so harmless if something else did it already). build/patch-libtorchsharp.sh
// compiles it, puts it beside libLibTorchSharp.so and makes libLibTorchSharp.so load it.
#include <ios>

namespace
{
    // Initialises std::cin/cout/cerr/clog before libLibTorchSharp.so's own constructors run:
    // this library is a DT_NEEDED dependency of it, so the loader initialises it first.
    const std::ios_base::Init standardStreams;
}

namespace std
{
    // Not declared by GCC 12's headers; the mangled name is _ZSt21ios_base_library_initv.
    void ios_base_library_init();

    // Nothing to do: the static object above already did the work. Callers only need the
    // symbol to exist (GCC 13's <iostream> references it with .globl, it never calls it).
    void ios_base_library_init() {}
}
