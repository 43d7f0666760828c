package hk.smartid.portal.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import org.primefaces.component.selectoneradio.SelectOneRadioRenderer;

import java.io.IOException;

/**
 * PrimeFaces 14's radio buttons ({@code p:selectOneRadio}) without the one attribute its responsive layout gets wrong:
 * it writes {@code aria-checked} on the plain {@code div} around each button, which no role allows there (axe:
 * aria-allowed-attr, WCAG 4.1.2). The radio inputs inside say whether they are checked themselves. Registered for
 * PrimeFaces' renderer type in faces-config.xml.
 */
public class RadioButtonsRenderer extends SelectOneRadioRenderer {

    @Override
    public void encodeEnd(FacesContext context, UIComponent component) throws IOException {
        ResponseWriter original = context.getResponseWriter();
        context.setResponseWriter(new ResponseWriterWrapper(original) {
            private String element;

            @Override
            public void startElement(String name, UIComponent source) throws IOException {
                element = name;
                super.startElement(name, source);
            }

            @Override
            public void writeAttribute(String name, Object value, String property) throws IOException {
                if (!("aria-checked".equals(name) && "div".equals(element))) {
                    super.writeAttribute(name, value, property);
                }
            }
        });
        try {
            super.encodeEnd(context, component);
        } finally {
            context.setResponseWriter(original);
        }
    }
}
