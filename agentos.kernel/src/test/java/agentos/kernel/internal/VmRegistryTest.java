package agentos.kernel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agentos.api.AgentOsException;
import agentos.api.NotAvailableException;
import agentos.api.Vm;
import agentos.api.VmInfo;
import agentos.api.VmLifecycleEvent;
import agentos.api.VmNotFoundException;
import agentos.api.VmState;
import agentos.api.config.MountConfig;
import agentos.api.config.VmConfig;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;

class VmRegistryTest {
    private final AtomicLong clock = new AtomicLong(1_000);
    private final List<String> logged = new ArrayList<>();

    private VmRegistry registry(int maxVms) {
        Logger log = (Logger) Proxy.newProxyInstance(
                Logger.class.getClassLoader(), new Class<?>[] {Logger.class}, (proxy, method, args) -> {
                    if (args != null && args.length > 0 && args[0] instanceof String s) {
                        logged.add(method.getName() + ":" + s);
                    }
                    return method.getReturnType() == boolean.class ? Boolean.FALSE : null;
                });
        return new VmRegistry(maxVms, log, clock::get, new agentos.vfs.internal.VfsFactory(), List::of, List::of, List::of);
    }

    @Test
    void createsVmsWithMonotonicIdsInCreationOrder() {
        VmRegistry os = registry(10);
        Vm a = os.create(VmConfig.defaults());
        Vm b = os.create(VmConfig.defaults());
        assertEquals("vm-1", a.id());
        assertEquals("vm-2", b.id());
        assertEquals(List.of("vm-1", "vm-2"), os.list().stream().map(VmInfo::vmId).toList());
        assertEquals(VmState.READY, a.info().state());
        assertEquals(1_000, a.info().createdAtMs());
        assertSame(a, os.get("vm-1").orElseThrow());
        assertSame(b, os.require("vm-2"));
    }

    @Test
    void idsAreNotReusedAfterDispose() {
        VmRegistry os = registry(10);
        os.create(VmConfig.defaults());
        os.dispose("vm-1");
        assertEquals("vm-2", os.create(VmConfig.defaults()).id());
        assertEquals(List.of("vm-2"), os.list().stream().map(VmInfo::vmId).toList());
    }

    @Test
    void disposeRemovesTheVmAndPublishesLifecycle() {
        VmRegistry os = registry(10);
        Vm vm = os.create(VmConfig.defaults());
        List<VmState> states = new ArrayList<>();
        vm.onLifecycle(e -> states.add(e.state()));
        os.dispose(vm.id());
        assertEquals(List.of(VmState.DISPOSING, VmState.DISPOSED), states);
        assertEquals(VmState.DISPOSED, vm.info().state());
        assertTrue(os.get(vm.id()).isEmpty());
        assertTrue(os.list().isEmpty());
        assertTrue(logged.contains("info:disposed VM {} ({})"), "dispose is logged: " + logged);
    }

    @Test
    void vmDisposeIsIdempotentButRegistryDisposeOfUnknownIdFails() {
        VmRegistry os = registry(10);
        Vm vm = os.create(VmConfig.defaults());
        List<VmLifecycleEvent> events = new ArrayList<>();
        vm.onLifecycle(events::add);
        vm.close();
        vm.dispose();
        assertEquals(2, events.size());
        VmNotFoundException e = assertThrows(VmNotFoundException.class, () -> os.dispose(vm.id()));
        assertEquals("vm-1", e.vmId());
        assertTrue(e.getMessage().contains("'vm-1'"), e.getMessage());
    }

    @Test
    void vmCapIsEnforcedWithAnActionableMessage() {
        VmRegistry os = registry(2);
        os.create(VmConfig.defaults());
        os.create(VmConfig.defaults());
        AgentOsException e = assertThrows(AgentOsException.class, () -> os.create(VmConfig.defaults()));
        assertTrue(e.getMessage().contains("limit is 2"), e.getMessage());
        os.dispose("vm-1");
        assertEquals("vm-3", os.create(VmConfig.defaults()).id());
    }

    @Test
    void rejectsNonPositiveCap() {
        assertThrows(IllegalArgumentException.class, () -> registry(0));
    }

    @Test
    void configThatCannotBeHonouredIsRejectedNotDropped() {
        VmRegistry os = registry(10);
        VmConfig withSoftware = VmConfig.builder().software(agentos.api.config.SoftwareRef.named("ripgrep")).build();
        AgentOsException e = assertThrows(AgentOsException.class, () -> os.create(withSoftware));
        assertTrue(e.getMessage().contains("no software package ripgrep is installed (installed: none)"), e.getMessage());
        VmConfig withFile = VmConfig.builder().software(agentos.api.config.SoftwareRef.file("/nonexistent/x.aospkg")).build();
        AgentOsException f = assertThrows(AgentOsException.class, () -> os.create(withFile));
        assertTrue(f.getMessage().contains("VmConfig.software: no package file at /nonexistent/x.aospkg"), f.getMessage());
        VmConfig badMount = VmConfig.builder().mount(MountConfig.of("/data", "nope", "{}")).build();
        AgentOsException m = assertThrows(AgentOsException.class, () -> os.create(badMount));
        assertTrue(m.getMessage().contains("no mount plugin 'nope'"), m.getMessage());
        assertTrue(os.list().isEmpty(), "a rejected VM is not registered");
    }

    @Test
    void missingNamespacesNameThemselves() {
        Vm vm = registry(10).create(VmConfig.defaults());
        NotAvailableException e = assertThrows(NotAvailableException.class, vm::sessions);
        assertEquals("vm.sessions()", e.capability());
        assertFalse(e.getMessage().isBlank());
        // javascript() exists in every VM but needs a node command (no executor is installed here).
        NotAvailableException js = assertThrows(NotAvailableException.class,
                () -> vm.javascript().execute("1", agentos.api.code.CodeOptions.DEFAULT));
        assertEquals("vm.javascript()", js.capability());
        assertTrue(js.getMessage().contains("agentos.exec.js"), js.getMessage());
    }

    @Test
    void deactivationDisposesEveryVm() {
        VmRegistry os = registry(10);
        Vm a = os.create(VmConfig.defaults());
        os.create(VmConfig.defaults());
        os.deactivate();
        assertTrue(os.list().isEmpty());
        assertEquals(VmState.DISPOSED, a.info().state());
    }
}
