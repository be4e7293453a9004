package org.cqrworkbench.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.beans.DirectFieldAccessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions live in the database so that a restart signs nobody out, but Spring Session writes a session's last
 * access time on every request: an update and a commit per page, and requests of one person wait on each other's
 * row lock. The time only decides when an idle session expires, so it is written at most once a minute; a session
 * may then expire up to a minute early, which nobody notices after half an hour away.
 */
@Configuration(proxyBeanMethods = false)
class SessionAccessTime {

    static final Duration WRITE_AT_MOST_EVERY = Duration.ofMinutes(1);

    /**
     * Spring Session's filter talks to the JDBC repository directly, and a second repository bean would switch its
     * configuration off; so the filter is rebuilt around the throttled repository, keeping how it finds the session
     * id (the cookie as Spring Boot configured it).
     */
    @Bean
    static BeanPostProcessor sessionFilterWritingAccessTimeSeldom(ObjectProvider<JdbcIndexedSessionRepository> sessions) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof SessionRepositoryFilter<?> original)) {
                    return bean;
                }
                SessionRepositoryFilter<?> filter = new SessionRepositoryFilter<>(ThrottledSessions.of(sessions.getObject()));
                filter.setHttpSessionIdResolver(
                        (HttpSessionIdResolver) new DirectFieldAccessor(original).getPropertyValue("httpSessionIdResolver"));
                return filter;
            }
        };
    }

    static final class ThrottledSessions<S extends Session> implements SessionRepository<ThrottledSessions.ThrottledSession<S>> {

        private final SessionRepository<S> sessions;

        private ThrottledSessions(SessionRepository<S> sessions) {
            this.sessions = sessions;
        }

        static <S extends Session> ThrottledSessions<S> of(SessionRepository<S> sessions) {
            return new ThrottledSessions<>(sessions);
        }

        @Override
        public ThrottledSession<S> createSession() {
            return new ThrottledSession<>(sessions.createSession());
        }

        @Override
        public void save(ThrottledSession<S> session) {
            sessions.save(session.stored);
        }

        @Override
        public ThrottledSession<S> findById(String id) {
            S found = sessions.findById(id);
            return found == null ? null : new ThrottledSession<>(found);
        }

        @Override
        public void deleteById(String id) {
            sessions.deleteById(id);
        }

        static final class ThrottledSession<S extends Session> implements Session {

            private final S stored;

            ThrottledSession(S stored) {
                this.stored = stored;
            }

            /** Left as it is while the stored time is less than a minute old, so that saving writes nothing. */
            @Override
            public void setLastAccessedTime(Instant lastAccessedTime) {
                if (!lastAccessedTime.isBefore(stored.getLastAccessedTime().plus(WRITE_AT_MOST_EVERY))) {
                    stored.setLastAccessedTime(lastAccessedTime);
                }
            }

            @Override
            public String getId() {
                return stored.getId();
            }

            @Override
            public String changeSessionId() {
                return stored.changeSessionId();
            }

            @Override
            public <T> T getAttribute(String attributeName) {
                return stored.getAttribute(attributeName);
            }

            @Override
            public Set<String> getAttributeNames() {
                return stored.getAttributeNames();
            }

            @Override
            public void setAttribute(String attributeName, Object attributeValue) {
                stored.setAttribute(attributeName, attributeValue);
            }

            @Override
            public void removeAttribute(String attributeName) {
                stored.removeAttribute(attributeName);
            }

            @Override
            public Instant getCreationTime() {
                return stored.getCreationTime();
            }

            @Override
            public Instant getLastAccessedTime() {
                return stored.getLastAccessedTime();
            }

            @Override
            public void setMaxInactiveInterval(Duration interval) {
                stored.setMaxInactiveInterval(interval);
            }

            @Override
            public Duration getMaxInactiveInterval() {
                return stored.getMaxInactiveInterval();
            }

            @Override
            public boolean isExpired() {
                return stored.isExpired();
            }
        }
    }
}
