<#--
  SmartID HK: same content, ids and links as the base login-page-expired.ftl of Keycloak 26.7.3,
  laid out as two separate sentences (one per choice) without the stray " ." after each link, which
  reads badly in Chinese.
-->
<#import "template.ftl" as layout>
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("pageExpiredTitle")}
    <#elseif section = "form">
        <p id="instruction1" class="instruction">
            ${msg("pageExpiredMsg1")} <a id="loginRestartLink" href="${url.loginRestartFlowUrl}">${msg("doClickHere")}</a>
        </p>
        <p id="instruction2" class="instruction">
            ${msg("pageExpiredMsg2")} <a id="loginContinueLink" href="${url.loginAction}">${msg("doClickHere")}</a>
        </p>
    </#if>
</@layout.registrationLayout>
