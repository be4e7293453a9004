package org.cqrworkbench.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The benchmark's profile only: counts the SQL statements each request sends to the database, at the JDBC level so
 * that every way of querying is seen. A request carrying the header {@value #HEADER} has its count logged, so the
 * benchmark can show that a page's queries do not grow with the number of rows on it. Under load no request asks,
 * and nothing is logged.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
class QueryCounting {

    static final String HEADER = "X-Count-Queries";
    private static final Logger log = LoggerFactory.getLogger(QueryCounting.class);
    private static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();
    private static final Set<String> SENDING = Set.of("prepareStatement", "prepareCall", "createStatement");

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource ? counting(dataSource) : bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> queryCountingFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                int[] count = {0};
                COUNT.set(count);
                long start = System.nanoTime();
                try {
                    chain.doFilter(request, response);
                } finally {
                    COUNT.remove();
                    if (request.getHeader(HEADER) != null) {
                        log.info("{} {}: {} SQL statements, {} ms", request.getMethod(), request.getRequestURI(), count[0],
                                (System.nanoTime() - start) / 1_000_000);
                    }
                }
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static DataSource counting(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(QueryCounting.class.getClassLoader(), new Class<?>[] {DataSource.class},
                passOn(target, result -> result instanceof Connection connection ? countingConnection(connection) : result));
    }

    private static Connection countingConnection(Connection target) {
        return (Connection) Proxy.newProxyInstance(QueryCounting.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (SENDING.contains(method.getName())) {
                        int[] count = COUNT.get();
                        if (count != null) {
                            count[0]++;
                        }
                    }
                    return passOn(target, result -> result).invoke(proxy, method, args);
                });
    }

    private static InvocationHandler passOn(Object target, UnaryOperator<Object> wrap) {
        return (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args[0] instanceof Class<?> type && type.isInstance(target)) {
                return target;
            }
            try {
                return wrap.apply(method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }
}
