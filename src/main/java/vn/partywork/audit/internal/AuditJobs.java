package vn.partywork.audit.internal;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs the sealer and the checkpoint signer (Spring scheduling; advisory locks keep one node at work). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditJobs implements SchedulingConfigurer {

    private final ChainSealer sealer;
    private final Checkpoints checkpoints;
    private final AuditSettings settings;

    AuditJobs(ChainSealer sealer, Checkpoints checkpoints, AuditSettings settings) {
        this.sealer = sealer;
        this.checkpoints = checkpoints;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(
                new FixedDelayTask(sealer::sealQuietly, settings.sealInterval(), settings.sealInterval()));
        registrar.addFixedDelayTask(
                new FixedDelayTask(checkpoints::scheduled, settings.checkpointInterval(), Duration.ZERO));
    }
}
