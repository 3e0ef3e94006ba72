// The public header compiles as C++ (extern "C", no C-only constructs).
#include <domxml.h>
#include <domxml/qemuargv.h>
#include <cstdio>

int main()
{
    domxml_interface iface = {};

    std::printf("header_cxx: %s\n", domxml_version_string());
    std::puts("1 passed, 0 failed");
    return domxml_nic_model_is_virtio(iface.model) ? 1 : 0;
}
