package io.deskbridge.desk.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * Jackson's Blackbird module: property accessors generated with {@code LambdaMetafactory} instead of
 * method handles invoked one property at a time. Writing a cursor page of 100 tickets spent about
 * half of desk's CPU in Jackson, most of it in {@code BeanPropertyWriter.get} through method handles
 * (JFR, issue 16; BENCHMARKS.md). Spring Boot adds every Jackson module bean to the mapper it builds.
 */
@Configuration(proxyBeanMethods = false)
class JsonSpeedConfig {

    @Bean
    BlackbirdModule blackbirdModule() {
        return new BlackbirdModule();
    }
}
