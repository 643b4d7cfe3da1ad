package io.deskbridge.desk.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled work (webhook deliveries, token sweeps, the cache-epoch poll). Off only for desk's
 * command-line modes ({@code desk.scheduling.enabled=false}), which must not deliver webhooks or
 * sweep tokens while they run.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "desk.scheduling.enabled", havingValue = "true", matchIfMissing = true)
@EnableScheduling
class SchedulingConfig {}
