package agentos.api.spi;

import agentos.api.config.VmLimits;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** Everything an executor gets to start one guest process. Implemented by the kernel. */
@ProviderType
public interface LaunchContext {

    String vmId();

    int pid();

    /** The program's guest path (resolved, absolute). */
    String programPath();

    /** The program file's bytes, read through the kernel. */
    byte[] program();

    /** argv, argv[0] included. */
    List<String> argv();

    Map<String, String> env();

    String cwd();

    VmLimits limits();

    /** The kernel interface for this process. */
    Syscalls syscalls();
}
