package io.dsqlkit.jdbc.internal.config;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointTest {
    private static final String ID = "abcdefghijklmnopqrstuvwx12";

    @Test
    void regionIsTheThirdLabelOfADsqlHost() {
        Endpoint e = Endpoint.resolve(ID + ".dsql.eu-west-2.on.aws", null, null);
        assertThat(e.host()).isEqualTo(ID + ".dsql.eu-west-2.on.aws");
        assertThat(e.region()).isEqualTo(Region.EU_WEST_2);
        assertThat(e.port()).isEqualTo(5432);
    }

    @Test
    void hostNamesAreCaseInsensitive() {
        Endpoint e = Endpoint.resolve(ID.toUpperCase() + ".DSQL.US-EAST-1.ON.AWS", 6543, null);
        assertThat(e.host()).isEqualTo(ID + ".dsql.us-east-1.on.aws");
        assertThat(e.region()).isEqualTo(Region.US_EAST_1);
        assertThat(e.port()).isEqualTo(6543);
    }

    @Test
    void aClusterIdBecomesTheEndpointOfItsRegion() {
        Endpoint e = Endpoint.resolve(ID, null, "ap-northeast-1");
        assertThat(e.host()).isEqualTo(ID + ".dsql.ap-northeast-1.on.aws");
        assertThat(e.region()).isEqualTo(Region.AP_NORTHEAST_1);
    }

    @Test
    void otherHostsNeedAnExplicitRegion() {
        assertThat(Endpoint.resolve("127.0.0.1", 15433, "us-east-1").host()).isEqualTo("127.0.0.1");
        assertThat(Endpoint.resolve("localhost", null, "us-west-2").region()).isEqualTo(Region.US_WEST_2);
        assertThatThrownBy(() -> Endpoint.resolve("localhost", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot tell the region of endpoint 'localhost' (it is not <cluster-id>.dsql.<region>.on.aws):"
                        + " set region, e.g. region=us-east-1");
        assertThatThrownBy(() -> Endpoint.resolve(ID, null, null))
                .hasMessageContaining("set region");
    }

    @Test
    void anExplicitRegionMustAgreeWithTheHost() {
        assertThat(Endpoint.resolve(ID + ".dsql.us-east-1.on.aws", null, "US-EAST-1").region()).isEqualTo(Region.US_EAST_1);
        assertThatThrownBy(() -> Endpoint.resolve(ID + ".dsql.us-east-1.on.aws", null, "us-west-2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("region 'us-west-2' contradicts the endpoint")
                .hasMessageContaining("which is in region 'us-east-1'");
    }

    @Test
    void lookalikeHostsAreNotDsqlEndpoints() {
        assertThat(Endpoint.regionOfDsqlHost("x.dsql.us-east-1.on.aws")).contains("us-east-1");
        assertThat(Endpoint.regionOfDsqlHost("x.notdsql.us-east-1.on.aws")).isEmpty();
        assertThat(Endpoint.regionOfDsqlHost("a.b.dsql.us-east-1.on.aws")).isEmpty();
        assertThat(Endpoint.regionOfDsqlHost(".dsql.us-east-1.on.aws")).isEmpty();
        assertThat(Endpoint.regionOfDsqlHost("x.dsql.us-east-1.amazonaws.com")).isEmpty();
        assertThat(Endpoint.isClusterId(ID)).isTrue();
        assertThat(Endpoint.isClusterId("localhost")).isFalse();
        assertThat(Endpoint.isClusterId("abcdefghijklmnopqrstuvwx1-")).isFalse();
    }

    @Test
    void missingEndpointAndBadPortsAreRefused() {
        assertThatThrownBy(() -> Endpoint.resolve(" ", null, "us-east-1")).hasMessageStartingWith("endpoint is required");
        assertThatThrownBy(() -> Endpoint.resolve("localhost", 0, "us-east-1"))
                .hasMessage("port must be between 1 and 65535, was 0");
    }

    @Test
    void ipv6HostsAreBracketedInUrls() {
        assertThat(Endpoint.resolve("::1", 5432, "us-east-1").hostForUrl()).isEqualTo("[::1]");
    }
}
