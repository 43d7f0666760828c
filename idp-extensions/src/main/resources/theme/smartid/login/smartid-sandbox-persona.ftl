<#import "template.ftl" as layout>
<#-- Sandbox only: pick a test persona (hk.smartid.idp.sandbox.SandboxPersonaAuthenticator). -->
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("smartid.sandbox.persona.title")}
    <#elseif section = "form">
        <p id="smartid-persona-intro">${msg("smartid.sandbox.persona.intro")}</p>
        <form id="smartid-persona-form" action="${url.loginAction}" method="post">
            <ul class="smartid-consent__steps" aria-labelledby="smartid-persona-intro">
                <#list personas as persona>
                    <li>
                        <button type="submit" id="persona-${persona.key}" name="persona" value="${persona.username}"
                                aria-describedby="persona-${persona.key}-hint"
                                class="${properties.kcButtonSecondaryClass} ${properties.kcButtonBlockClass}">${msg("smartid.sandbox.persona." + persona.key)}</button>
                        <p id="persona-${persona.key}-hint">${msg("smartid.sandbox.persona." + persona.key + ".hint")}</p>
                    </li>
                </#list>
            </ul>
        </form>
    </#if>
</@layout.registrationLayout>
