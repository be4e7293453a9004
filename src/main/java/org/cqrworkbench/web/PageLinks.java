package org.cqrworkbench.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links on pages are written as they are. Spring Boot would otherwise register a filter that looks up every link of
 * every page as a possible static file, to add a version to its address: a miss on the class path for each of the
 * thousands of links on a cross-analysis or study page, about a sixth of the time those pages took. Webjar files are
 * still found by their addresses without a version (webjars-locator-lite resolves them when they are requested).
 */
@Configuration(proxyBeanMethods = false)
class PageLinks {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
