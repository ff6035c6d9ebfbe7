// Loads the plugin (plugin.cpp, linked against the static crmrules) with dlopen and calls it:
// the library works from inside a shared object a host loads at run time.
#include <cstdio>
#include <cstring>
#include <dlfcn.h>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <plugin.so>\n", argv[0]);
        return 2;
    }
    void* plugin = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (plugin == nullptr) {
        std::fprintf(stderr, "dlopen failed: %s\n", dlerror());
        return 1;
    }
    using Add = int (*)(const char*, const char*, char*, std::size_t);
    using Version = const char* (*)();
    auto add = reinterpret_cast<Add>(dlsym(plugin, "crm_plugin_add"));
    auto version = reinterpret_cast<Version>(dlsym(plugin, "crm_plugin_version"));
    if (add == nullptr || version == nullptr) {
        std::fprintf(stderr, "the plugin lacks crm_plugin_add or crm_plugin_version\n");
        return 1;
    }
    char out[64] = {};
    // 1.10 + 2.205 = 3.305 exactly (no binary floating point on the way)
    if (add("1.10", "2.205", out, sizeof out) != 0 || std::strcmp(out, "3.305") != 0) {
        std::fprintf(stderr, "crm_plugin_add(1.10, 2.205) gave '%s', expected 3.305\n", out);
        return 1;
    }
    if (add("1.1.1", "0", out, sizeof out) != 1) {
        std::fprintf(stderr, "crm_plugin_add accepted the malformed 1.1.1\n");
        return 1;
    }
    std::printf("plugin (crmrules %s): 1.10 + 2.205 = 3.305\n", version());
    dlclose(plugin);
    return 0;
}
