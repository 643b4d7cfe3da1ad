package io.deskbridge.sync.mcp;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * sync's MCP server at {@code /mcp}: the official MCP Java SDK's streamable-HTTP servlet transport,
 * registered beside Spring MVC's dispatcher. Authentication is the REST API's (HTTP Basic with the
 * operator's email and password, 401 without; see the security configuration): sync has no API
 * tokens yet, and the tools read the same data the REST API shows the operator.
 *
 * <p>Decision: the SDK's stateful streamable transport (the spec's default, sessions by {@code
 * Mcp-Session-Id}). Its sessions live in this instance's memory, so with several sync instances behind
 * one address the load balancer must keep a session on one instance; every tool is read-only, so a
 * lost session costs the client a new {@code initialize}, nothing else.
 */
@Configuration(proxyBeanMethods = false)
class McpServerConfig {

    static final String ENDPOINT = "/mcp";

    @Bean
    HttpServletStreamableServerTransportProvider mcpTransport() {
        return HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(new JacksonMcpJsonMapper(JsonMapper.builder().build()))
                .mcpEndpoint(ENDPOINT)
                .build();
    }

    @Bean
    ServletRegistrationBean<HttpServletStreamableServerTransportProvider> mcpServlet(
            HttpServletStreamableServerTransportProvider transport) {
        ServletRegistrationBean<HttpServletStreamableServerTransportProvider> registration =
                new ServletRegistrationBean<>(transport, ENDPOINT);
        registration.setName("mcp");
        registration.setAsyncSupported(true);
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean(destroyMethod = "closeGracefully")
    McpSyncServer mcpServer(HttpServletStreamableServerTransportProvider transport, ContextTools tools) {
        return McpServer.sync(transport)
                .serverInfo("deskbridge-sync", "1")
                .instructions("Read-only context from Deskbridge sync's copy of Zendesk accounts: search synced"
                        + " tickets, read one ticket's whole context, or a requester's tickets. Every call reads"
                        + " sync's store and costs the Zendesk account nothing.")
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .tools(tools.specifications())
                .build();
    }
}
