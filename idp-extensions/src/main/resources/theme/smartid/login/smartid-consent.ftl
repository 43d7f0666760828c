<#import "template.ftl" as layout>
<#-- Consent to share identity data with a bank (hk.smartid.idp.consent.ConsentAuthenticator). -->
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("smartid.consent.title", bankName)}
    <#elseif section = "form">
        <p id="smartid-consent-asks">${msg("smartid.consent.asks", bankName)}</p>

        <section class="smartid-consent__section" aria-labelledby="smartid-consent-purpose-heading">
            <h2 class="smartid-consent__heading" id="smartid-consent-purpose-heading">${msg("smartid.consent.purposeHeading")}</h2>
            <p id="smartid-consent-purpose" class="smartid-consent__purpose">${purposeStatement}</p>
        </section>

        <section class="smartid-consent__section" aria-labelledby="smartid-consent-items-heading">
            <h2 class="smartid-consent__heading" id="smartid-consent-items-heading">${msg("smartid.consent.itemsHeading")}</h2>
            <dl id="smartid-consent-items" class="smartid-consent__items">
                <#list consentItems as item>
                    <div class="smartid-consent__item" data-scope="${item.scope}">
                        <dt class="smartid-consent__label">${msg(item.labelKey)}</dt>
                        <dd class="smartid-consent__value">
                            <#if item.onRecord>${item.value}<#else><span class="smartid-consent__missing">${msg("smartid.consent.notOnRecord")}</span></#if>
                        </dd>
                        <dd class="smartid-consent__status smartid-consent__status--${item.verified?then('verified', 'unverified')}">
                            ${item.verified?then(msg("smartid.consent.verified"), msg("smartid.consent.notVerified"))}
                        </dd>
                    </div>
                </#list>
            </dl>
        </section>

        <p id="smartid-consent-expiry" class="smartid-notice">${msg("smartid.consent.expires", expiresOn)}</p>

        <form id="smartid-consent-form" action="${url.loginAction}" method="post">
            <div class="smartid-consent__actions">
                <button type="submit" id="smartid-consent-approve" name="decision" value="approve"
                        class="${properties.kcButtonPrimaryClass} ${properties.kcButtonBlockClass}"
                        aria-describedby="smartid-consent-expiry">${msg("smartid.consent.approve")}</button>
                <button type="submit" id="smartid-consent-decline" name="decision" value="decline"
                        class="${properties.kcButtonSecondaryClass} ${properties.kcButtonBlockClass}">${msg("smartid.consent.decline")}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
