package io.invoq.adapter.http;

/** Endpoints of the API, served only by a gateway that {@link GatewaySettings#servesApi() serves it}. */
interface ApiRoutes extends GatewayRoutes {
}
