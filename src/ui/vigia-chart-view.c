/* vigia-chart-view.c
 *
 * Copyright 2026 The Vigía developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws the core chart through gtk_snapshot_append_cairo(), with colours
 * looked up in the theme at each draw (libadwaita's named colours: the
 * accent for the authority, purple for the observer; light or dark), so that
 * a change of style needs nothing but a redraw.  The tooltip says the value
 * under the pointer and the accessible description says the whole chart in
 * words.
 */
#define G_LOG_DOMAIN "vigia-chart-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vigia-chart-view-private.h"

struct _VigiaChartView
{
  GtkWidget   parent_instance;

  VigiaChart *chart;
  /* The font of the last style built: VigiaChartStyle points into it. */
  char       *font;
};

G_DEFINE_FINAL_TYPE (VigiaChartView, vigia_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* ---------------------------------------------------------------------- */
/* Auxiliary functions                                                    */
/* ---------------------------------------------------------------------- */

static gboolean
lookup_color (VigiaChartView *self,
              const char     *name,
              VigiaColor     *color)
{
  GdkRGBA rgba;
  gboolean found;

  /* GTK 4.8 has no other way to read a named colour; it is deprecated from
   * 4.10 on, where the version macros of the floor keep it quiet. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  found = gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)), name, &rgba);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (found)
    *color = (VigiaColor) { rgba.red, rgba.green, rgba.blue, rgba.alpha };
  return found;
}

static void
update_description (VigiaChartView *self)
{
  g_autofree char *description = NULL;

  if (self->chart != NULL)
    description = vigia_chart_dup_description (self->chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description != NULL ? description : "",
                                  -1);
}

/* ---------------------------------------------------------------------- */
/* Callbacks                                                              */
/* ---------------------------------------------------------------------- */

static void
chart_changed_cb (VigiaChartView *self,
                  VigiaChart     *chart)
{
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
style_changed_cb (VigiaChartView  *self,
                  GParamSpec      *pspec,
                  AdwStyleManager *manager)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
query_tooltip_cb (VigiaChartView *self,
                  int             x,
                  int             y,
                  gboolean        keyboard,
                  GtkTooltip     *tooltip)
{
  g_autofree char *text = NULL;

  if (keyboard)
    return FALSE;
  text = vigia_chart_view_dup_value_at (self, x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Overrides                                                              */
/* ---------------------------------------------------------------------- */

static void
vigia_chart_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  VigiaChartView *self = VIGIA_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  VigiaChartStyle style;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  vigia_chart_view_get_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  vigia_chart_draw (self->chart, cr, width, height, &style);
  cairo_destroy (cr);
}

static void
vigia_chart_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  /* Small enough for a sidebar, wide enough to read by default. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 480;
    }
  else
    {
      *minimum = 160;
      *natural = 300;
    }
}

static void
vigia_chart_view_dispose (GObject *object)
{
  VigiaChartView *self = (VigiaChartView *)object;

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_func (self->chart, chart_changed_cb, self);
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (vigia_chart_view_parent_class)->dispose (object);
}

static void
vigia_chart_view_finalize (GObject *object)
{
  VigiaChartView *self = (VigiaChartView *)object;

  g_clear_pointer (&self->font, g_free);

  G_OBJECT_CLASS (vigia_chart_view_parent_class)->finalize (object);
}

static void
vigia_chart_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VigiaChartView *self = VIGIA_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_chart_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VigiaChartView *self = VIGIA_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      vigia_chart_view_set_chart (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigia_chart_view_class_init (VigiaChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigia_chart_view_dispose;
  object_class->finalize = vigia_chart_view_finalize;
  object_class->get_property = vigia_chart_view_get_property;
  object_class->set_property = vigia_chart_view_set_property;

  widget_class->snapshot = vigia_chart_view_snapshot;
  widget_class->measure = vigia_chart_view_measure;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, VIGIA_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vigia_chart_view_init (VigiaChartView *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart"),
                                  -1);
}

/* ---------------------------------------------------------------------- */
/* Public API                                                             */
/* ---------------------------------------------------------------------- */

GtkWidget *
vigia_chart_view_new (VigiaChart *chart)
{
  g_return_val_if_fail (chart == NULL || VIGIA_IS_CHART (chart), NULL);

  return g_object_new (VIGIA_TYPE_CHART_VIEW, "chart", chart, NULL);
}

VigiaChart *
vigia_chart_view_get_chart (VigiaChartView *self)
{
  g_return_val_if_fail (VIGIA_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

void
vigia_chart_view_set_chart (VigiaChartView *self,
                            VigiaChart     *chart)
{
  g_return_if_fail (VIGIA_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || VIGIA_IS_CHART (chart));

  if (self->chart == chart)
    return;

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_func (self->chart, chart_changed_cb, self);
  g_set_object (&self->chart, chart);
  if (self->chart != NULL)
    g_signal_connect_object (self->chart, "changed", G_CALLBACK (chart_changed_cb), self, G_CONNECT_SWAPPED);

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

/**
 * vigia_chart_view_get_style:
 * @style: (out caller-allocates): the style the chart is drawn with now
 *
 * The colours of the theme as it is (light or dark, the accent colour) and
 * the widget's font.  @style points into the view: use it before the next
 * call.
 */
void
vigia_chart_view_get_style (VigiaChartView  *self,
                            VigiaChartStyle *style)
{
  PangoFontDescription *font;
  VigiaColor foreground;

  g_return_if_fail (VIGIA_IS_CHART_VIEW (self));
  g_return_if_fail (style != NULL);

  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    vigia_chart_style_init_dark (style);
  else
    vigia_chart_style_init_light (style);

  /* The widget sits on its parent's background. */
  style->background.alpha = 0;

  if (lookup_color (self, "view_fg_color", &foreground) || lookup_color (self, "window_fg_color", &foreground))
    {
      style->foreground = foreground;
      style->target = foreground;
      style->grid = (VigiaColor) { foreground.red, foreground.green, foreground.blue, foreground.alpha * 0.15 };
      style->expected = (VigiaColor) { foreground.red, foreground.green, foreground.blue, foreground.alpha * 0.5 };
    }
  lookup_color (self, "accent_color", &style->authority);
  lookup_color (self, adw_style_manager_get_dark (adw_style_manager_get_default ()) ? "purple_2" : "purple_3",
                &style->observer);

  font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  g_clear_pointer (&self->font, g_free);
  if (font != NULL)
    self->font = pango_font_description_to_string (font);
  style->font = self->font;
}

/**
 * vigia_chart_view_dup_value_at:
 *
 * Returns: (transfer full) (nullable): what is drawn at (@x, @y) in the
 *   widget, as its tooltip says it
 */
char *
vigia_chart_view_dup_value_at (VigiaChartView *self,
                               double          x,
                               double          y)
{
  VigiaChartStyle style;

  g_return_val_if_fail (VIGIA_IS_CHART_VIEW (self), NULL);

  if (self->chart == NULL)
    return NULL;
  vigia_chart_view_get_style (self, &style);
  return vigia_chart_dup_value_at (self->chart, &style, gtk_widget_get_width (GTK_WIDGET (self)),
                                   gtk_widget_get_height (GTK_WIDGET (self)), x, y);
}
