<#import "template.ftl" as layout>
<#-- A bank asked for data, but the identity was only self-declared (hk.smartid.idp.consent.ConsentAuthenticator). -->
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("smartid.verify.title")}
    <#elseif section = "form">
        <p id="smartid-verify-intro">${msg("smartid.verify.intro", bankName)}</p>
        <section class="smartid-consent__section" aria-labelledby="smartid-verify-how-heading">
            <h2 class="smartid-consent__heading" id="smartid-verify-how-heading">${msg("smartid.verify.howHeading")}</h2>
            <ol id="smartid-verify-steps" class="smartid-consent__steps">
                <li>${msg("smartid.verify.step1")}</li>
                <li>${msg("smartid.verify.step2")}</li>
                <li>${msg("smartid.verify.step3")}</li>
                <li>${msg("smartid.verify.step4")}</li>
            </ol>
        </section>
        <form id="smartid-verify-form" action="${url.loginAction}" method="post">
            <div class="smartid-consent__actions">
                <button type="submit" id="smartid-verify-back" name="decision" value="back"
                        class="${properties.kcButtonPrimaryClass} ${properties.kcButtonBlockClass}">${msg("smartid.verify.back", bankName)}</button>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
