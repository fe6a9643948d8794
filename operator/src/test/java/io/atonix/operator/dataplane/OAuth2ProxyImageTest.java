package io.atonix.operator.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.atonix.operator.appstack.AuthProxyDeployments;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OAuth2ProxyImageTest {

    @Test
    void theDataPlaneBuildsTheOauth2ProxyVersionTheOperatorDeploys() {
        OAuth2ProxyImage image = new OAuth2ProxyImage(Path.of("trusted"));

        assertThat(image.knows(AuthProxyDeployments.IMAGE)).isTrue();
        assertThat(AuthProxyDeployments.IMAGE).isEqualTo(OAuth2ProxyImage.IMAGE + OAuth2ProxyImage.version());
        assertThat(image.knows(ProbeImage.IMAGE)).isFalse();
    }
}
