package agentos.itests;

import agentos.api.AgentOs;
import javax.inject.Inject;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The facade contract against the AgentOs service in Felix. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FacadeInFrameworkIT extends FacadeContract {
    @Inject
    private AgentOs agentOs;

    @Configuration
    public Option[] config() {
        return ItestSupport.agentOsRuntime();
    }

    @Override
    protected AgentOs agentOs() {
        return agentOs;
    }
}
