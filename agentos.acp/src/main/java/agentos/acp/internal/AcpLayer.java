package agentos.acp.internal;

import agentos.api.Vm;
import agentos.api.config.SessionDatabaseConfig;
import agentos.api.session.SessionException;
import agentos.api.spi.AgentAdapter;
import agentos.api.spi.AgentBinding;
import agentos.api.spi.AgentLayer;
import agentos.api.spi.PackageManifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The agent layer service: attaches VMs to their durable sessions. Session stores are opened on first use and
 * shared by every VM that names the same database (an SQLite file, or a {@code javax.sql.DataSource} service found
 * by the VM's filter); a named scope is held by one live VM at a time.
 */
@Component(service = AgentLayer.class, configurationPid = AcpLayer.PID)
@Designate(ocd = AcpLayer.Config.class)
public final class AcpLayer implements AgentLayer {
    public static final String PID = "agentos.acp";

    @ObjectClassDefinition(name = "Agent OS ACP sessions", description = "Bounds and storage of agent sessions.")
    public @interface Config {
        @AttributeDefinition(description = "Directory of the default SQLite session database (sessions.db); empty: "
                + "system property agentos.data.dir, else ~/.local/share/agentos")
        String dataDir() default "";

        @AttributeDefinition(description = "How long an agent may take to answer ACP initialize (ms)")
        long initializeTimeoutMs() default 120_000;

        @AttributeDefinition(description = "How long an agent may take to answer session/new or session/load (ms)")
        long newSessionTimeoutMs() default 180_000;

        @AttributeDefinition(description = "Longest ACP line an agent may write (bytes); longer ones close the session")
        int maxLineBytes() default 16 << 20;

        @AttributeDefinition(description = "Durable events kept per session; the oldest are pruned after each turn")
        int maxEventsPerSession() default 10_000;
    }

    private final AcpSettings settings;
    private final Path defaultDatabase;
    private final Function<String, @Nullable DataSource> dataSources;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("agentos-acp-", 0).factory());
    private final Map<String, JdbcSessionStore> stores = new ConcurrentHashMap<>();
    private final Set<String> scopesInUse = ConcurrentHashMap.newKeySet();
    private final Set<VmAgentSessions> bindings = ConcurrentHashMap.newKeySet();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.REPLACE)
    private volatile List<AgentAdapter> adapters = List.of();

    @Activate
    public AcpLayer(Config config, BundleContext context) {
        AcpSettings d = AcpSettings.defaults();
        this.settings = new AcpSettings(config.initializeTimeoutMs(), config.newSessionTimeoutMs(), d.cancelGraceMs(),
                config.maxLineBytes(), config.maxEventsPerSession(), d.maxTerminalOutputBytes(), d.baseInstructions());
        this.defaultDatabase = dataDir(config.dataDir()).resolve("sessions.db");
        this.dataSources = filter -> {
            try {
                for (ServiceReference<DataSource> ref : context.getServiceReferences(DataSource.class, filter)) {
                    DataSource ds = context.getService(ref);
                    if (ds != null) {
                        return ds;
                    }
                }
                return null;
            } catch (InvalidSyntaxException e) {
                throw new IllegalArgumentException("database filter '" + filter + "' is not an LDAP filter: " + e.getMessage(), e);
            }
        };
    }

    /** Wires the layer by hand, outside OSGi (tests, benchmarks). */
    public AcpLayer(Path defaultDatabase, Function<String, @Nullable DataSource> dataSources, List<AgentAdapter> adapters) {
        this(defaultDatabase, dataSources, adapters, AcpSettings.defaults());
    }

    AcpLayer(Path defaultDatabase, Function<String, @Nullable DataSource> dataSources, List<AgentAdapter> adapters,
            AcpSettings settings) {
        this.settings = settings;
        this.defaultDatabase = defaultDatabase;
        this.dataSources = dataSources;
        this.adapters = List.copyOf(adapters);
    }

    private static Path dataDir(String configured) {
        if (!configured.isBlank()) {
            return Path.of(configured);
        }
        String prop = System.getProperty("agentos.data.dir");
        return prop != null && !prop.isBlank() ? Path.of(prop) : Path.of(System.getProperty("user.home"), ".local", "share", "agentos");
    }

    @Override
    public AgentBinding attach(Vm vm, Supplier<List<PackageManifest>> packages) {
        SessionDatabaseConfig db = vm.config().database();
        String storeKey;
        JdbcSessionStore store;
        if (db.kind() == SessionDatabaseConfig.Kind.DATA_SOURCE) {
            storeKey = "datasource:" + db.filter();
            store = stores.computeIfAbsent(storeKey, k -> {
                DataSource ds = dataSources.apply(db.filter());
                if (ds == null) {
                    throw new SessionException("store_unavailable", "no javax.sql.DataSource service matches " + db.filter()
                            + " (VmConfig.database); register one, e.g. with property dataSourceName");
                }
                return new JdbcSessionStore(ds, "DataSource " + db.filter(), false, null);
            });
        } else {
            Path file = db.path() == null ? defaultDatabase : Path.of(db.path()).toAbsolutePath();
            storeKey = "sqlite:" + file;
            store = stores.computeIfAbsent(storeKey, k -> JdbcSessionStore.sqlite(file));
        }
        boolean privateScope = db.scope() == null;
        String scope = privateScope ? "vm:" + vm.id() + ":" + UUID.randomUUID() : db.scope();
        String held = storeKey + "#" + scope;
        if (!scopesInUse.add(held)) {
            throw new SessionException("scope_in_use", "session scope '" + scope + "' of " + store.description()
                    + " is in use by another live VM; dispose it first or choose another scope");
        }
        VmAgentSessions[] self = new VmAgentSessions[1];
        try {
            self[0] = new VmAgentSessions(vm, packages, this::adapter, store, scope, privateScope, settings, executor, () -> {
                scopesInUse.remove(held);
                bindings.remove(self[0]);
            });
        } catch (RuntimeException e) {
            scopesInUse.remove(held);
            throw e;
        }
        bindings.add(self[0]);
        return self[0];
    }

    private @Nullable AgentAdapter adapter(String agentId) {
        for (AgentAdapter a : adapters) {
            if (a.agentId().equals(agentId)) {
                return a;
            }
        }
        return null;
    }

    @Deactivate
    public void deactivate() {
        for (VmAgentSessions b : List.copyOf(bindings)) {
            b.close("agent layer stopping");
        }
        executor.shutdownNow();
        for (JdbcSessionStore s : stores.values()) {
            s.close();
        }
        stores.clear();
    }
}
