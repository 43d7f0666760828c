package hk.smartid.idp.consent;

import hk.smartid.idp.bank.DataItem;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ConsentRequestTest {

    @Test
    void shouldKeepOnlyDataItemScopesOnceEachInScreenOrder() {
        assertThat(ConsentRequest.dataItems(Stream.of("openid", "person.email", "profile", "person.hkid",
                "person.email", "sample-bank", "person.name_en")))
                .containsExactly(DataItem.NAME_EN, DataItem.HKID, DataItem.EMAIL);
    }

    @Test
    void shouldFindNoItemsInAnOrdinaryLoginRequest() {
        assertThat(ConsentRequest.dataItems(Stream.of("openid", "profile", "email", "acr"))).isEmpty();
    }
}
