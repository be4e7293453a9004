package org.cqrworkbench.changelog;

import java.time.Clock;
import java.util.List;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.jpa.boot.spi.JpaSettings;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link ChangeRecorder} into Hibernate while the session factory is built, so it hears every session,
 * including those of work that runs before the application has finished starting.
 */
@Configuration
class ChangeLogConfig {

    @Bean
    HibernatePropertiesCustomizer changeLogListeners(Clock clock) {
        ChangeRecorder recorder = new ChangeRecorder(clock);
        Integrator integrator = new Integrator() {
            @Override
            public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
                EventListenerRegistry registry = sessionFactory.getEventListenerRegistry();
                registry.appendListeners(EventType.POST_INSERT, recorder);
                registry.appendListeners(EventType.POST_UPDATE, recorder);
                registry.appendListeners(EventType.PRE_DELETE, recorder);
                registry.appendListeners(EventType.POST_DELETE, recorder);
                registry.appendListeners(EventType.POST_COLLECTION_RECREATE, recorder);
                registry.appendListeners(EventType.POST_COLLECTION_UPDATE, recorder);
                registry.appendListeners(EventType.POST_COLLECTION_REMOVE, recorder);
            }
        };
        return properties -> properties.put(JpaSettings.INTEGRATOR_PROVIDER, (IntegratorProvider) () -> List.of(integrator));
    }
}
